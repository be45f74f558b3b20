/**
 * Characters whose Simplified form differs and that AIFIN's texts use often: a zh-CN text holding one was
 * copied from zh-TW. Shared by the pane's catalogue test and the sheet labels' test.
 */
export const TRADITIONAL_ONLY = /[們個來這說時為於與實資產業權額總貸債購賣買數據檢視關係將當從會對應經過變動計質選擇載開啟錯誤請輸曝險欄儲頁網環號項價償發聯違輝軟備註鏈結則際約結構]/;

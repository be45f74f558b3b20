/**
 * The whole Chinese catalogues, both parts (the first screen's, loaded before the first render, and the views',
 * loaded with the views), as a test hands one to a view or a formatter. The pane itself never holds these objects:
 * useStrings() gives a first part, useViewStrings() (viewStrings.ts) adds the views' part once loaded.
 */
import type { Strings } from "../../../src/taskpane/strings";
import { zhCN as zhCNFirst } from "../../../src/taskpane/strings.zh-CN";
import { zhCNViews } from "../../../src/taskpane/strings.zh-CN.views";
import { zhTW as zhTWFirst } from "../../../src/taskpane/strings.zh-TW";
import { zhTWViews } from "../../../src/taskpane/strings.zh-TW.views";

export const zhTW: Strings = { ...zhTWFirst, ...zhTWViews };
export const zhCN: Strings = { ...zhCNFirst, ...zhCNViews };

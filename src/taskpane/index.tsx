// Placeholder pane entry; the task-pane work replaces this file.
import { createRoot } from "react-dom/client";

const el = document.getElementById("root");
if (el) createRoot(el).render(<p>AIFIN</p>);

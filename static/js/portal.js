// Marks the page as JavaScript-enabled and starts GOV.UK Frontend's components. Loaded as a
// module from a file (no inline script), so the Content Security Policy needs no exceptions.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

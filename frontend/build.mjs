// Compiles GOV.UK Frontend with the portal's settings into ../static, so that running the
// portal never needs Node. Arial replaces GDS Transport and no GOV.UK brand asset is copied:
// the font and the crown are reserved for GOV.UK itself.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const staticDir = join(here, "..", "static");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");

const css = sass.compile(join(here, "src", "portal.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
mkdirSync(join(staticDir, "css"), { recursive: true });
writeFileSync(join(staticDir, "css", "portal.css"), css.css);

mkdirSync(join(staticDir, "js"), { recursive: true });
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(staticDir, "js", "govuk-frontend.min.js"));

// axe-core is only used by the browser tests; it is vendored so they need no network.
mkdirSync(join(here, "..", "tests", "browser", "vendor"), { recursive: true });
copyFileSync(
  join(here, "node_modules", "axe-core", "axe.min.js"),
  join(here, "..", "tests", "browser", "vendor", "axe.min.js"),
);
console.log("built static/css/portal.css, static/js/govuk-frontend.min.js, tests/browser/vendor/axe.min.js");

// Conditional questions for radios, as GOV.UK Frontend's Radios component reveals them, but
// without setting aria-expanded on the radio inputs: ARIA does not allow aria-expanded on a
// radio (axe-core's aria-allowed-attr rule), and the revealed questions follow the radio
// directly, so they are reached next in reading and tab order anyway. Without JavaScript
// every question stays visible (the CSS hides them only under .govuk-frontend-supported).
const groups = document.querySelectorAll("[data-lsmp-conditional-radios]");

for (const group of groups) {
  const inputs = group.querySelectorAll('input[type="radio"]');

  const sync = () => {
    for (const input of inputs) {
      const target = input.getAttribute("aria-controls");
      if (!target) continue;
      const content = document.getElementById(target);
      if (content) content.classList.toggle("govuk-radios__conditional--hidden", !input.checked);
    }
  };

  for (const input of inputs) {
    const target = input.getAttribute("data-aria-controls");
    if (target && document.getElementById(target)) {
      input.setAttribute("aria-controls", target);
      input.removeAttribute("data-aria-controls");
    }
    input.addEventListener("change", sync);
  }
  window.addEventListener("pageshow", sync);
  sync();
}

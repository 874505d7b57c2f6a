// The site menu and the listing filters are <details> disclosures, so they open and close without scripts.
// This adds what needs one: the toggle states aria-expanded, Escape closes an open menu, and on wide screens
// (where the stylesheet shows their content anyway) they are open, as they were when the page was rendered
// there; they return to the state the page was served in when the window narrows again.
(function () {
    "use strict";
    var wide = window.matchMedia("(min-width: 48em)");
    var disclosures = Array.prototype.slice.call(document.querySelectorAll("details[data-disclosure]"));

    function summaryOf(details) {
        return details.querySelector("summary");
    }

    function syncExpanded(details) {
        summaryOf(details).setAttribute("aria-expanded", details.open ? "true" : "false");
    }

    function applyWidth() {
        disclosures.forEach(function (details) {
            details.open = wide.matches || details.hasAttribute("data-served-open");
            syncExpanded(details);
        });
    }

    disclosures.forEach(function (details) {
        if (details.open) {
            details.setAttribute("data-served-open", "");
        }
        details.addEventListener("toggle", function () {
            syncExpanded(details);
        });
        details.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && details.open && !wide.matches) {
                details.open = false;
                summaryOf(details).focus();
            }
        });
    });
    if (wide.matches) {
        applyWidth();
    } else {
        disclosures.forEach(syncExpanded);
    }
    wide.addEventListener("change", applyWidth);
})();

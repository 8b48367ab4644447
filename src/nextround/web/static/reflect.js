// Practice page: an optional two-minute countdown while the user answers aloud.
(function () {
  "use strict";
  function format(seconds) {
    const s = Math.abs(seconds);
    return (seconds < 0 ? "+" : "") + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-timer]");
    if (!button) return;
    event.preventDefault();
    const out = document.getElementById(button.getAttribute("data-timer-target"));
    if (!out) return;
    if (button._timer) {
      clearInterval(button._timer);
      button._timer = null;
      button.textContent = "Start 2-minute timer";
      return;
    }
    let left = parseInt(button.getAttribute("data-timer"), 10) || 120;
    out.textContent = format(left);
    button.textContent = "Stop timer";
    button._timer = setInterval(function () {
      left -= 1;
      out.textContent = format(left);
      if (left === 0) out.setAttribute("data-over", "1");
    }, 1000);
  });
})();

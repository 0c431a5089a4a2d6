/* "Sao chép nội dung": copy a page's clean text. No network, no library. */
(function () {
    "use strict";

    function fallbackCopy(text) {
        // Older browsers and plain-http intranets have no async clipboard.
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.left = "-9999px";
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
        document.body.removeChild(area);
        return ok;
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-copy-target]");
        if (!button) { return; }
        var source = document.getElementById(button.getAttribute("data-copy-target"));
        var status = button.parentNode.querySelector(".press-copy-status");
        if (!source) { return; }
        var text = source.value;
        function report(ok) {
            if (status) {
                status.textContent = ok ? "Đã sao chép nội dung, có thể dán vào bài." : "Không sao chép được: mở “Xem nội dung thuần”, chọn và sao chép.";
            }
            button.setAttribute("data-copied", ok ? "yes" : "no");
        }
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { report(true); }, function () { report(fallbackCopy(text)); });
        } else {
            report(fallbackCopy(text));
        }
    });
})();

// Loaded by the classic notebook as custom/custom.js in the browser test: once the kernel is connected,
// runs all cells like a student, waits for a Plotly chart's SVG, and records what the page shows in the
// notebook's metadata, then saves the notebook (the test reads the saved file).
define(['base/js/namespace'], function (Jupyter) {
    var started = 0, done = false;
    var timer = setInterval(function () {
        var nb = Jupyter.notebook;
        if (done || !nb || !nb.kernel || !nb.kernel.is_connected()) return;
        if (!started) { started = Date.now(); nb.execute_all_cells(); return; }
        var svgs = document.querySelectorAll('.js-plotly-plot svg.main-svg').length;
        if (svgs === 0 && Date.now() - started < 120000) return;
        done = true;
        clearInterval(timer);
        nb.metadata.coursekit_browser_check = {
            svgs: svgs,
            errors: document.querySelectorAll('.output_error').length,
            plotly: typeof window.Plotly,
            require: typeof window.require,
        };
        nb.save_notebook();
    }, 500);
});

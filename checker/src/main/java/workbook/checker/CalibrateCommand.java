package workbook.checker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import workbook.checker.calibrate.Calibration;
import workbook.checker.course.Course;
import workbook.checker.course.Lab;
import workbook.checker.report.Json;
import workbook.checker.report.TextTable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Proves every lab works: each task has public tests, fails on the starter and passes on the reference solution (public, hidden and the solution's own tests). Exits 1 on any violation.")
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", paramLabel = "N", description = "Run each lab N times and report each test's pass rate (default: 1).")
    int repeat = 1;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the findings as JSON to FILE.")
    Path report;

    @Option(names = "--wrong", description = "Also run each lab's wrong implementations (checker/fixtures/wrong/NN-slug): each must pass the public tests and fail a hidden one.")
    boolean wrong;

    @Option(names = "--skip-export", description = "Do not check the student edition (that it builds and holds no solution code). It is skipped anyway with --lab.")
    boolean skipExport;

    /** The JSON report. */
    record Report(String checkerVersion, String date, int rounds, boolean passed, List<Calibration.LabReport> labs,
                  ExportCheck.Result export) {
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || repeat > 100) {
            throw new UserError("--repeat must be between 1 and 100, not " + repeat + ".");
        }
        Course course = common.course();
        List<Lab> labs = course.select(common.labs);
        Path work = common.work(course, "calibrate");
        WorkLock.claim(work, "calibrate");
        workbook.checker.run.LabRun runner = common.runner(work.resolve("jvm-tmp"));
        spec.commandLine().getErr().println("[calibrate] isolation: " + runner.isolation());
        Calibration calibration = new Calibration(course, runner, work, spec.commandLine().getErr());
        List<Calibration.LabReport> reports = new ArrayList<>();
        for (Lab lab : labs) {
            reports.add(calibration.calibrate(lab, repeat, wrong));
        }
        ExportCheck.Result export = skipExport || !common.labs.isEmpty() ? null : ExportCheck.run(course, work.resolve("export"), spec.commandLine().getErr());
        boolean passed = reports.stream().allMatch(lab -> lab.violations().isEmpty()) && (export == null || export.violations().isEmpty());
        spec.commandLine().getOut().print(render(reports, repeat, export));
        spec.commandLine().getOut().flush();
        if (report != null) {
            Json.write(report, new Report(Version.current(), Instant.now().toString(), repeat, passed, reports, export));
        }
        return passed ? 0 : 1;
    }

    static String render(List<Calibration.LabReport> reports, int rounds, ExportCheck.Result export) {
        boolean wrongChecked = reports.stream().anyMatch(lab -> !lab.wrong().isEmpty());
        TextTable table = wrongChecked
                ? new TextTable("lab", "tasks", "starter failing", "solution passing", "tests public/hidden/own", "wrong caught", "starter s", "solution s")
                : new TextTable("lab", "tasks", "starter failing", "solution passing", "tests public/hidden/own", "starter s", "solution s");
        for (Calibration.LabReport lab : reports) {
            List<Object> cells = new ArrayList<>(List.of(lab.lab(), lab.tasks(), lab.starterTasksFailing() + "/" + lab.tasks(),
                    lab.solutionTasksPassing() + "/" + lab.tasks(), lab.publicTests() + "/" + lab.hiddenTests() + "/" + lab.solutionOwnTests()));
            if (wrongChecked) {
                cells.add(lab.wrongCaught());
            }
            cells.add(String.format("%.1f", lab.starterSeconds()));
            cells.add(String.format("%.1f", lab.solutionSeconds()));
            table.row(cells.toArray());
        }
        StringBuilder out = new StringBuilder("\n").append(table.render());
        if (rounds > 1) {
            out.append("\nEach lab ran ").append(rounds).append(" times (seconds are per run).\n");
            for (Calibration.LabReport lab : reports) {
                long flaky = lab.solutionPassRates().stream().filter(Calibration.TestRate::flaky).count();
                out.append(String.format("  %s: %d of %d solution tests passed every run%s%n", lab.lab(),
                        lab.solutionPassRates().size() - flaky, lab.solutionPassRates().size(), flaky > 0 ? "; flaky:" : ""));
                lab.solutionPassRates().stream().filter(Calibration.TestRate::flaky).forEach(rate ->
                        out.append(String.format("    %3d%%  %s (%d of %d)%n", 100 * rate.passed() / rate.runs(), rate.test(), rate.passed(), rate.runs())));
            }
        }
        if (export != null) {
            out.append("\nStudent edition: ").append(export.files()).append(" files, ")
                    .append(export.leaks() == 0 ? "no solution code" : export.leaks() + (export.leaks() == 1 ? " leak" : " leaks")).append(", ")
                    .append(export.builds() ? "builds" : "does NOT build").append(String.format(" (%.1f s)%n", export.seconds()));
        }
        List<String> violations = new ArrayList<>(reports.stream().flatMap(lab -> lab.violations().stream()).toList());
        if (export != null) {
            violations.addAll(export.violations());
        }
        List<String> warnings = reports.stream().flatMap(lab -> lab.warnings().stream()).toList();
        if (!warnings.isEmpty()) {
            out.append("\nWarnings:\n");
            warnings.forEach(warning -> out.append("  - ").append(warning.replace("\n", "\n    ")).append('\n'));
        }
        if (violations.isEmpty()) {
            out.append("\nCalibration passed: every task fails on the starter and passes on the solution.\n");
        } else {
            out.append("\nViolations (").append(violations.size()).append("):\n");
            violations.forEach(violation -> out.append("  - ").append(violation.replace("\n", "\n    ")).append('\n'));
            out.append("\nCalibration FAILED.\n");
        }
        return out.toString();
    }
}

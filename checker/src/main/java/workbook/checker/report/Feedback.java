package workbook.checker.report;

import workbook.checker.grade.GradeReport;

import java.util.List;

/**
 * The report a student reads: points per lab and task, and for each failing test its message, what
 * it printed, and links to the task in the lab sheet and to the slides. Markdown (for a CI job
 * summary or a repository) and HTML (to e-mail or upload) say the same thing.
 */
public final class Feedback {
    private static final int OUTPUT_SHOWN = 2000;
    private static final int MESSAGE_SHOWN = 4000;

    private Feedback() {
    }

    public static String markdown(GradeReport report, Links links) {
        StringBuilder md = new StringBuilder();
        md.append("# Feedback for ").append(report.student()).append("\n\n");
        md.append("**Total: ").append(report.pointsEarned()).append('/').append(report.pointsPossible()).append(" points**")
                .append(" · graded ").append(report.gradedAt()).append(" by the workbook checker ").append(report.checkerVersion()).append("\n\n");
        if (report.problem() != null) {
            md.append("> **The submission could not be graded:** ").append(report.problem()).append("\n\n");
        }
        md.append("| lab | points | status |\n| --- | ---: | --- |\n");
        for (GradeReport.LabGrade lab : report.labs()) {
            md.append("| [").append(Text.cell(lab.title())).append("](").append(links.sheet(lab)).append(") | ")
                    .append(lab.pointsEarned()).append('/').append(lab.pointsPossible()).append(" | ").append(lab.status()).append(" |\n");
        }
        for (GradeReport.LabGrade lab : report.labs()) {
            md.append("\n## ").append(lab.title()).append(": ").append(lab.pointsEarned()).append('/').append(lab.pointsPossible()).append("\n\n");
            md.append("| task | points | tests passed |\n| --- | ---: | ---: |\n");
            for (GradeReport.TaskGrade task : lab.tasks()) {
                md.append("| [Task ").append(task.id()).append(": ").append(Text.cell(task.title())).append("](")
                        .append(links.task(lab, task)).append(") | ").append(task.earned()).append('/').append(task.points())
                        .append(" | ").append(task.passed()).append('/').append(task.tests()).append(" |\n");
            }
            if (lab.compilerMessages() != null) {
                md.append("\nYour code in `labs/").append(lab.lab()).append("/src/main/java` does not compile, so this lab scores 0. ")
                        .append("Fix these errors first (`mvn test` in the lab shows them too):\n\n");
                block(md, Text.cap(lab.compilerMessages(), MESSAGE_SHOWN));
            }
            for (GradeReport.TaskGrade task : lab.tasks()) {
                List<GradeReport.TestGrade> failing = failing(lab, task.id());
                if (failing.isEmpty()) {
                    continue;
                }
                md.append("\n### What to fix in Task ").append(task.id()).append(": ").append(task.title()).append("\n\n");
                md.append("Read [the task in the lab sheet](").append(links.task(lab, task)).append(")");
                String slides = links.slides(lab);
                if (slides != null) {
                    md.append(" and [the slides](").append(slides).append(")");
                }
                md.append(".\n\n");
                for (GradeReport.TestGrade test : failing) {
                    md.append("- **").append(Text.cell(test.name())).append("**").append("hidden".equals(test.origin()) ? " (hidden test)" : "")
                            .append(": ").append(test.status()).append("\n\n");
                    block(md, Text.cap(test.message() == null ? "(no message)" : test.message(), MESSAGE_SHOWN), "  ");
                    if (test.output() != null && !test.output().isBlank()) {
                        md.append("  <details><summary>What the test printed</summary>\n\n");
                        block(md, Text.cap(test.output(), OUTPUT_SHOWN), "  ");
                        md.append("  </details>\n\n");
                    }
                }
            }
            List<GradeReport.TestGrade> taskless = lab.tests().stream().filter(test -> test.task() == null && !test.passed()).toList();
            if (!taskless.isEmpty()) {
                md.append("\n### Other failing tests\n\n");
                for (GradeReport.TestGrade test : taskless) {
                    md.append("- **").append(Text.cell(test.name())).append("**: ").append(test.status()).append("\n\n");
                    block(md, Text.cap(test.message(), MESSAGE_SHOWN), "  ");
                }
            }
            if (!lab.notes().isEmpty()) {
                md.append("\n### Notes\n\n");
                lab.notes().forEach(note -> md.append("- ").append(note.replace("\n", "\n  ")).append('\n'));
            }
            if (lab.testChanges().any()) {
                md.append("\n### Test and given files you changed\n\nGrading always uses the course's own copy of the tests and of the given code (`src/given/java`), so these changes made no difference:\n\n");
                lab.testChanges().changed().forEach(path -> md.append("- changed: `").append(path).append("`\n"));
                lab.testChanges().removed().forEach(path -> md.append("- removed: `").append(path).append("`\n"));
                lab.testChanges().added().forEach(path -> md.append("- added: `").append(path).append("`\n"));
            }
        }
        md.append("\n---\nTest set ").append(report.testSetHash(), 0, 12).append(" · ")
                .append("grading ran the course's public tests and hidden tests against your `src/main/java`.\n");
        return md.toString();
    }

    public static String html(GradeReport report, Links links) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Feedback for ").append(Text.html(report.student()))
                .append("</title>\n<style>\nbody{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}\n")
                .append("table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}\n")
                .append("td.n{text-align:right}pre{background:#f5f5f5;padding:.6rem;overflow:auto;white-space:pre-wrap}\n")
                .append(".failed,.error,.timeout{color:#b00020}.passed{color:#1b5e20}.hidden{color:#555;font-style:italic}\n</style></head><body>\n");
        h.append("<h1>Feedback for ").append(Text.html(report.student())).append("</h1>\n");
        h.append("<p><strong>Total: ").append(report.pointsEarned()).append('/').append(report.pointsPossible()).append(" points</strong> · graded ")
                .append(Text.html(report.gradedAt())).append(" by the workbook checker ").append(Text.html(report.checkerVersion())).append("</p>\n");
        if (report.problem() != null) {
            h.append("<p class=\"error\"><strong>The submission could not be graded:</strong> ").append(Text.html(report.problem())).append("</p>\n");
        }
        h.append("<table><tr><th>lab</th><th>points</th><th>status</th></tr>\n");
        for (GradeReport.LabGrade lab : report.labs()) {
            h.append("<tr><td><a href=\"").append(Text.html(links.sheet(lab))).append("\">").append(Text.html(lab.title())).append("</a></td><td class=\"n\">")
                    .append(lab.pointsEarned()).append('/').append(lab.pointsPossible()).append("</td><td>").append(Text.html(lab.status())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (GradeReport.LabGrade lab : report.labs()) {
            h.append("<h2>").append(Text.html(lab.title())).append(": ").append(lab.pointsEarned()).append('/').append(lab.pointsPossible()).append("</h2>\n");
            h.append("<table><tr><th>task</th><th>points</th><th>tests passed</th></tr>\n");
            for (GradeReport.TaskGrade task : lab.tasks()) {
                h.append("<tr><td><a href=\"").append(Text.html(links.task(lab, task))).append("\">Task ").append(task.id()).append(": ")
                        .append(Text.html(task.title())).append("</a></td><td class=\"n\">").append(task.earned()).append('/').append(task.points())
                        .append("</td><td class=\"n\">").append(task.passed()).append('/').append(task.tests()).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (lab.compilerMessages() != null) {
                h.append("<p>Your code in <code>labs/").append(Text.html(lab.lab())).append("/src/main/java</code> does not compile, so this lab scores 0. Fix these errors first:</p>\n<pre>")
                        .append(Text.html(Text.cap(lab.compilerMessages(), MESSAGE_SHOWN))).append("</pre>\n");
            }
            for (GradeReport.TaskGrade task : lab.tasks()) {
                List<GradeReport.TestGrade> failing = failing(lab, task.id());
                if (failing.isEmpty()) {
                    continue;
                }
                h.append("<h3>What to fix in Task ").append(task.id()).append(": ").append(Text.html(task.title())).append("</h3>\n");
                h.append("<p>Read <a href=\"").append(Text.html(links.task(lab, task))).append("\">the task in the lab sheet</a>");
                String slides = links.slides(lab);
                if (slides != null) {
                    h.append(" and <a href=\"").append(Text.html(slides)).append("\">the slides</a>");
                }
                h.append(".</p>\n<ul>\n");
                for (GradeReport.TestGrade test : failing) {
                    h.append("<li><strong>").append(Text.html(test.name())).append("</strong>")
                            .append("hidden".equals(test.origin()) ? " <span class=\"hidden\">(hidden test)</span>" : "")
                            .append(": <span class=\"").append(test.status()).append("\">").append(test.status()).append("</span>\n<pre>")
                            .append(Text.html(Text.cap(test.message() == null ? "(no message)" : test.message(), MESSAGE_SHOWN))).append("</pre>\n");
                    if (test.output() != null && !test.output().isBlank()) {
                        h.append("<details><summary>What the test printed</summary><pre>").append(Text.html(Text.cap(test.output(), OUTPUT_SHOWN)))
                                .append("</pre></details>\n");
                    }
                    h.append("</li>\n");
                }
                h.append("</ul>\n");
            }
            if (!lab.notes().isEmpty()) {
                h.append("<h3>Notes</h3>\n<ul>\n");
                lab.notes().forEach(note -> h.append("<li><pre>").append(Text.html(note)).append("</pre></li>\n"));
                h.append("</ul>\n");
            }
            if (lab.testChanges().any()) {
                h.append("<h3>Test and given files you changed</h3>\n<p>Grading always uses the course's own copy of the tests and of the given code (<code>src/given/java</code>), so these changes made no difference:</p>\n<ul>\n");
                lab.testChanges().changed().forEach(path -> h.append("<li>changed: <code>").append(Text.html(path)).append("</code></li>\n"));
                lab.testChanges().removed().forEach(path -> h.append("<li>removed: <code>").append(Text.html(path)).append("</code></li>\n"));
                lab.testChanges().added().forEach(path -> h.append("<li>added: <code>").append(Text.html(path)).append("</code></li>\n"));
                h.append("</ul>\n");
            }
        }
        h.append("<hr><p>Test set ").append(Text.html(report.testSetHash().substring(0, 12)))
                .append(" · grading ran the course's public tests and hidden tests against your <code>src/main/java</code>.</p>\n</body></html>\n");
        return h.toString();
    }

    private static List<GradeReport.TestGrade> failing(GradeReport.LabGrade lab, int task) {
        return lab.tests().stream().filter(test -> Integer.valueOf(task).equals(test.task()) && !test.passed()).toList();
    }

    private static void block(StringBuilder md, String text) {
        block(md, text, "");
    }

    private static void block(StringBuilder md, String text, String indent) {
        String fence = Text.fence(text);
        md.append(indent).append(fence).append('\n');
        text.lines().forEach(line -> md.append(indent).append(line).append('\n'));
        md.append(indent).append(fence).append("\n\n");
    }
}

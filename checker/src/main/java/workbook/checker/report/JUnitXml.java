package workbook.checker.report;

import workbook.checker.grade.GradeReport;

/** The grade as JUnit XML, which CI systems and IDEs display: a suite per lab, a case per test. */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String render(GradeReport report) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (GradeReport.LabGrade lab : report.labs()) {
            tests += Math.max(1, lab.tests().size());
            failures += (int) lab.tests().stream().filter(test -> "failed".equals(test.status())).count();
            errors += (int) lab.tests().stream().filter(test -> "error".equals(test.status()) || "timeout".equals(test.status())).count();
            errors += lab.tests().isEmpty() ? 1 : 0;
        }
        x.append("<testsuites name=\"").append(Text.xml(report.student())).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" time=\"").append(report.seconds()).append("\">\n");
        for (GradeReport.LabGrade lab : report.labs()) {
            long labFailures = lab.tests().stream().filter(test -> "failed".equals(test.status())).count();
            long labErrors = lab.tests().stream().filter(test -> "error".equals(test.status()) || "timeout".equals(test.status())).count();
            long skipped = lab.tests().stream().filter(test -> "skipped".equals(test.status())).count();
            x.append("  <testsuite name=\"").append(Text.xml(lab.lab())).append("\" tests=\"").append(Math.max(1, lab.tests().size()))
                    .append("\" failures=\"").append(labFailures).append("\" errors=\"").append(labErrors + (lab.tests().isEmpty() ? 1 : 0))
                    .append("\" skipped=\"").append(skipped).append("\" time=\"").append(lab.seconds()).append("\">\n");
            x.append("    <properties>\n");
            property(x, "points", lab.pointsEarned() + "/" + lab.pointsPossible());
            property(x, "status", lab.status());
            property(x, "testSetHash", lab.testSetHash());
            property(x, "checkerVersion", report.checkerVersion());
            x.append("    </properties>\n");
            if (lab.tests().isEmpty()) {
                String why = lab.compilerMessages() != null ? lab.compilerMessages() : String.join("\n", lab.notes());
                x.append("    <testcase name=\"").append(Text.xml(lab.status())).append("\" classname=\"").append(Text.xml(lab.lab())).append("\" time=\"0\">\n")
                        .append("      <error type=\"").append(Text.xml(lab.status())).append("\" message=\"").append(Text.xml(Text.firstLine(why))).append("\">")
                        .append(Text.xml(why)).append("</error>\n    </testcase>\n");
            }
            for (GradeReport.TestGrade test : lab.tests()) {
                x.append("    <testcase name=\"").append(Text.xml(test.method() == null ? test.name() : test.name()))
                        .append("\" classname=\"").append(Text.xml(test.className() == null ? lab.lab() : test.className()))
                        .append("\" time=\"").append(test.millis() / 1000.0).append("\">\n");
                String element = switch (test.status()) {
                    case "failed" -> "failure";
                    case "error", "timeout" -> "error";
                    case "skipped" -> "skipped";
                    default -> null;
                };
                if (element != null) {
                    x.append("      <").append(element).append(" type=\"").append(test.status()).append("\" message=\"")
                            .append(Text.xml(Text.firstLine(test.message()))).append("\">").append(Text.xml(test.message())).append("</").append(element).append(">\n");
                }
                if (test.output() != null && !test.output().isBlank()) {
                    x.append("      <system-out>").append(Text.xml(test.output())).append("</system-out>\n");
                }
                x.append("    </testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        return x.append("</testsuites>\n").toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(name).append("\" value=\"").append(Text.xml(value)).append("\"/>\n");
    }
}

package workbook.checker.mutate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one PIT run: per class a student writes, what happened to its mutants, and the run's test
 * strength (detected / covered) and mutation score (detected / all), equivalent mutants left out of both.
 * <p>
 * Detected means killed, timed out (see below), or one of PIT's other detecting outcomes (the mutant
 * ran the JVM out of memory, crashed it, or could not be loaded), as PIT itself counts them.
 * <p>
 * <b>Time-outs.</b> PIT stops a test that runs longer than its normal time times 1.25 plus the lab's
 * per-test budget, and reports the mutant TIMED_OUT. Such a mutant counts as detected only when the
 * test would also fail on a real hang: every lab test runs under the lab kit's per-test limit (its
 * junit-platform.properties: 30 s, each test in a thread of its own, so even a loop that ignores
 * interrupts fails) and the checker's per-lab limit; a real hang therefore fails its test. A test file
 * that sets its own {@code @Timeout} (other than an experiment, which the runs leave out) might lift that
 * bound, so when a lab has one, its time-outs count as survivors.
 */
public final class Tally {
    private Tally() {
    }

    public record ClassCounts(String name, int generated, int killed, int timedOut, int otherDetected, int survived,
                              int equivalent, int noCoverage) {
        int detected(boolean timeoutsDetected) {
            return killed + otherDetected + (timeoutsDetected ? timedOut : 0);
        }
    }

    /**
     * @param run          {@code public} or {@code public+hidden}
     * @param timeoutsDetected whether TIMED_OUT counts as detected (see the class comment)
     * @param survivors    mutants no test detected (survived, not covered, or timed out when time-outs do not count)
     * @param equivalents  surviving mutants that EQUIVALENT.md explains
     */
    public record RunResult(String run, List<ClassCounts> classes, ClassCounts total, int detected, int covered,
                            double strength, double score, boolean timeoutsDetected, List<Mutant> survivors,
                            List<Mutant> equivalents, double seconds) {
    }

    public static RunResult count(String run, List<String> classes, List<Mutant> mutants, Equivalents equivalents,
                                  boolean timeoutsDetected, double seconds) {
        Map<String, int[]> perClass = new LinkedHashMap<>();
        classes.forEach(name -> perClass.put(name, new int[7]));
        List<Mutant> survivors = new ArrayList<>();
        List<Mutant> equivalent = new ArrayList<>();
        for (Mutant mutant : mutants) {
            int[] counts = perClass.computeIfAbsent(mutant.topLevelClass(), name -> new int[7]);
            counts[0]++;
            switch (mutant.status()) {
                case "KILLED" -> counts[1]++;
                case "TIMED_OUT" -> {
                    counts[2]++;
                    if (!timeoutsDetected) {
                        survivors.add(mutant);
                    }
                }
                case "MEMORY_ERROR", "RUN_ERROR", "NON_VIABLE" -> counts[3]++;
                case "NO_COVERAGE" -> {
                    counts[6]++;
                    survivors.add(mutant);
                }
                default -> { // SURVIVED, or a run that never finished (STARTED, NOT_STARTED)
                    if (equivalents.covering(mutant).isPresent()) {
                        counts[5]++;
                        equivalent.add(mutant);
                    } else {
                        counts[4]++;
                        survivors.add(mutant);
                    }
                }
            }
        }
        List<ClassCounts> rows = perClass.entrySet().stream().map(entry -> counts(entry.getKey(), entry.getValue())).toList();
        int[] sum = new int[7];
        perClass.values().forEach(counts -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += counts[i];
            }
        });
        ClassCounts total = counts("total", sum);
        int detected = total.detected(timeoutsDetected);
        int covered = total.generated() - total.noCoverage() - total.equivalent();
        int all = total.generated() - total.equivalent();
        survivors.sort(BY_PLACE);
        equivalent.sort(BY_PLACE);
        return new RunResult(run, rows, total, detected, covered, ratio(detected, covered), ratio(detected, all),
                timeoutsDetected, List.copyOf(survivors), List.copyOf(equivalent), seconds);
    }

    private static final java.util.Comparator<Mutant> BY_PLACE = java.util.Comparator.comparing(Mutant::className)
            .thenComparingInt(Mutant::line).thenComparing(Mutant::mutatorName).thenComparing(Mutant::description);

    private static ClassCounts counts(String name, int[] c) {
        return new ClassCounts(name, c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    /** A share in [0, 1]; a run with nothing to count scores 0, so that it cannot pass by accident. */
    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}

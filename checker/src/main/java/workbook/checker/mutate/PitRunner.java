package workbook.checker.mutate;

import workbook.checker.course.Lab;

import java.nio.file.Path;

/** Runs PIT on one lab and hands back its mutations.xml. */
public interface PitRunner {
    /**
     * @param withHidden   run the hidden tests too, not only the public ones
     * @param budgetMillis the per-test budget added to each test's normal time before PIT calls it a time-out
     * @param out          a folder of this run's own, for PIT's reports and the log
     * @return PIT's mutations.xml
     */
    Path run(Lab lab, Targets targets, boolean withHidden, long budgetMillis, Path out) throws Exception;

    /** Called once before the first run of a command (the Maven runner installs the current lab kit). */
    default void prepare() throws Exception {
    }
}

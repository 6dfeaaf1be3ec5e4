package workbook.checker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbook.checker.batch.GradebookMerge;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "gradebook", mixinStandardHelpOptions = true,
        description = "Works on gradebooks made by batch.",
        subcommands = GradebookCommand.Merge.class)
final class GradebookCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say what to do: merge (--help tells more).");
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Combines the output folders of several `batch --shard K/N` runs into one: every student's reports, and one gradebook.csv.")
    static final class Merge implements Callable<Integer> {
        @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "The --out folders of the batch runs (one per shard).")
        List<Path> folders;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged reports and gradebook.csv go.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GradebookMerge.Result merged = GradebookMerge.merge(folders, out);
            spec.commandLine().getOut().printf("Merged %d students from %d folders. Gradebook: %s%n",
                    merged.students(), folders.size(), merged.gradebook());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

package workbook.asyncwork;

/** The work a job stands for. Throws when the work failed. */
@FunctionalInterface
public interface JobHandler {
    void handle(Job job) throws Exception;
}

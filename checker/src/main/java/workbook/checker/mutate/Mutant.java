package workbook.checker.mutate;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One mutant of PIT's {@code mutations.xml}.
 *
 * @param className  the mutated class as PIT names it ({@code a.b.Foo} or {@code a.b.Foo$Inner})
 * @param mutator    PIT's mutator, fully qualified
 * @param status     KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR, NON_VIABLE, ...
 * @param killingTest the test that killed it, when PIT says
 */
public record Mutant(String className, String method, int line, String mutator, String description, String status,
                     String killingTest) {

    /** The top-level class: {@code a.b.Foo} for {@code a.b.Foo$Inner}. */
    public String topLevelClass() {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    /** The mutator without its package, {@code ConditionalsBoundaryMutator}. */
    public String mutatorName() {
        return mutator.substring(mutator.lastIndexOf('.') + 1);
    }

    /** Reads PIT's XML report. */
    public static List<Mutant> readAll(Path mutationsXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(mutationsXml.toFile()).getElementsByTagName("mutation");
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element mutation = (Element) nodes.item(i);
                mutants.add(new Mutant(text(mutation, "mutatedClass"), text(mutation, "mutatedMethod"),
                        Integer.parseInt(text(mutation, "lineNumber")), text(mutation, "mutator"),
                        text(mutation, "description"), mutation.getAttribute("status"), text(mutation, "killingTest")));
            }
            return mutants;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read PIT's report " + mutationsXml + ": " + e, e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}

import java.io.File;
import java.util.Map;
import java.util.TreeSet;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.reasoner.*;

/**
 * HermiT or Pellet, through the OWL API 3 they ship with, on govkg's files, offline.
 *
 * <p>Loads the Turtle or N-Triples files in the order given (an imported file first, so that the
 * import is found in the manager instead of on the web), merges their axioms, and prints one
 * line each: {@code consistent true|false}, {@code unsatisfiable <class>} for every class other
 * than owl:Nothing that can have no member, and {@code type <individual> <class>} for every class
 * (direct or not) of every named individual. Exits 0 once it has printed them, 2 when the
 * reasoner refuses the input. {@code --ignore-unsupported-datatypes} turns on HermiT's switch of
 * that name (for data typed xsd:date, xsd:gYearMonth, xsd:gYear; Pellet needs none). The jars are
 * owlready2's (PyPI), as tests/ontology/test_owl_reasoners.py finds them:
 *
 * <pre>java -cp "$OWLREADY2/hermit:$OWLREADY2/hermit/HermiT.jar" tools/owl/Reason.java hermit \
 *     ontology/imports/reused-terms.ttl ontology/govkg.ttl</pre>
 */
public class Reason {
    static final Map<String, String> FACTORIES = Map.of(
        "hermit", "org.semanticweb.HermiT.Reasoner$ReasonerFactory",
        "pellet", "com.clarkparsia.pellet.owlapiv3.PelletReasonerFactory");

    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology all = m.createOntology(IRI.create("urn:govkg:reason"));
        boolean ignore = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--ignore-unsupported-datatypes")) { ignore = true; continue; }
            m.addAxioms(all, m.loadOntologyFromOntologyDocument(new File(args[i])).getAxioms());
        }
        OWLReasoner r;
        try {
            r = factory(args[0]).createReasoner(all, configuration(args[0], ignore));
            r.precomputeInferences(InferenceType.CLASS_HIERARCHY);
        } catch (RuntimeException e) {
            System.out.println("refused " + e);
            System.exit(2);
            return;
        }
        System.out.println("consistent " + r.isConsistent());
        if (!r.isConsistent()) return;
        for (OWLClass c : r.getUnsatisfiableClasses().getEntitiesMinusBottom()) {
            System.out.println("unsatisfiable " + c.getIRI());
        }
        TreeSet<String> lines = new TreeSet<>();
        for (OWLNamedIndividual i : all.getIndividualsInSignature()) {
            for (OWLClass c : r.getTypes(i, false).getFlattened()) {
                lines.add("type " + i.getIRI() + " " + c.getIRI());
            }
        }
        lines.forEach(System.out::println);
        r.dispose();
    }

    static OWLReasonerFactory factory(String name) throws Exception {
        return (OWLReasonerFactory) Class.forName(FACTORIES.get(name))
            .getDeclaredConstructor().newInstance();
    }

    static OWLReasonerConfiguration configuration(String name, boolean ignore) throws Exception {
        if (!name.equals("hermit")) return new SimpleConfiguration();
        Object c = Class.forName("org.semanticweb.HermiT.Configuration")
            .getDeclaredConstructor().newInstance();
        c.getClass().getField("ignoreUnsupportedDatatypes").setBoolean(c, ignore);
        return (OWLReasonerConfiguration) c;
    }
}

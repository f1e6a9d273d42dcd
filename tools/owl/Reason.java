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
 * reasoner refuses the input. No switches: HermiT runs with {@code new Configuration()}, whose
 * {@code ignoreUnsupportedDatatypes} is false, so a literal outside the OWL 2 datatype map makes it
 * refuse the input (its factory's {@code createReasoner(ontology)}, which Protégé uses, turns that
 * switch on silently); Pellet with its defaults. The jars are owlready2's (PyPI), as
 * tests/ontology/test_owl_reasoners.py finds them:
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
        for (int i = 1; i < args.length; i++) {
            m.addAxioms(all, m.loadOntologyFromOntologyDocument(new File(args[i])).getAxioms());
        }
        OWLReasoner r;
        try {
            r = factory(args[0]).createReasoner(all, configuration(args[0]));
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

    /** HermiT's own defaults (strict about datatypes), Pellet's defaults. */
    static OWLReasonerConfiguration configuration(String name) throws Exception {
        if (!name.equals("hermit")) return new SimpleConfiguration();
        return (OWLReasonerConfiguration) Class.forName("org.semanticweb.HermiT.Configuration")
            .getDeclaredConstructor().newInstance();
    }
}

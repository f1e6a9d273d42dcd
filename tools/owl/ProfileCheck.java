import java.io.File;
import java.util.stream.Collectors;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.*;

/**
 * The OWL API's OWL 2 DL and OWL 2 RL profile checkers on govkg's ontology, offline.
 *
 * <p>Loads the Turtle files in the order given (an imported file first, so that the import is
 * found in the manager instead of on the web), merges their axioms with their imports closure, and
 * prints each profile's violations, one line each (a newline inside a literal printed as \\n); exits
 * 0 when there are none. Data goes with the ontology in one N-Triples document (the tests write
 * one), so that the parser sees the declarations while it reads the data. Run with the Debian OWL
 * API (scripts/install-owlapi.sh), as tests/ontology/test_owl_profile.py does:
 *
 * <pre>java -cp "/usr/share/java/*" tools/owl/ProfileCheck.java \
 *     ontology/imports/reused-terms.ttl ontology/govkg.ttl</pre>
 */
public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology all = m.createOntology(IRI.create("urn:govkg:profile-check"));
        for (String path : args) {
            OWLOntology o = m.loadOntologyFromOntologyDocument(new File(path));
            m.addAxioms(all, o.axioms(Imports.INCLUDED));
        }
        int bad = 0;
        for (OWLProfile p : new OWLProfile[]{new OWL2DLProfile(), new OWL2RLProfile()}) {
            OWLProfileReport r = p.checkOntology(all);
            System.out.println(p.getName() + ": " + r.getViolations().size() + " violations");
            for (OWLProfileViolation v : r.getViolations()) {
                System.out.println("  " + v.toString().replace("\n", "\\n"));
                bad++;
            }
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}

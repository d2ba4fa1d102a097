package com.tagline.station.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, architecture §1: the package structure of all three modules' main code.
 */
class ArchitectureTest {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");
    /**
     * Main code only. ArchUnit's own option leaves out {@code target/test-classes}; once the reactor has
     * packaged the modules ({@code mvn verify}) the hardware module's test classes arrive as its
     * {@code -tests.jar} (a test dependency of this module), which must stay out too.
     */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages("com.tagline");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("com.tagline.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * What runs on a line never reaches into the simulators: simulation and benchmark code lives in
     * {@code station.simulate}, and only the command line ({@code station.cli}) starts it.
     */
    @Test
    void productionCodeDoesNotDependOnSimulationCode() {
        noClasses().that().resideInAPackage("com.tagline.station..")
                .and().resideOutsideOfPackages("com.tagline.station.simulate..", "com.tagline.station.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.tagline.simulator..",
                        "com.tagline.station.simulate..")
                .check(MAIN);
    }
}

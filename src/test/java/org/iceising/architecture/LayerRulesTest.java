package org.iceising.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of docs/DESIGN: files → data → model → learn → app / cli, one way only. */
@AnalyzeClasses(packages = "org.iceising", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("org.iceising.model..")
            .layer("data").definedBy("org.iceising.data..")
            .layer("learn").definedBy("org.iceising.learn..")
            .layer("app").definedBy("org.iceising.app..")
            .layer("cli").definedBy("org.iceising.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("learn").mayOnlyBeAccessedByLayers("app", "cli")
            .whereLayer("data").mayOnlyBeAccessedByLayers("learn", "app", "cli")
            .whereLayer("model").mayOnlyBeAccessedByLayers("data", "learn", "app", "cli");

    /** The physics is pure Java: no I/O, no UI, no numerics libraries, nothing of ours. */
    @ArchTest
    static final ArchRule modelIsPureJava = noClasses().that().resideInAPackage("org.iceising.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.iceising.model..", "java.lang..", "java.util..", "java.time..", "java.math..")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..");

    @ArchTest
    static final ArchRule noJavaFxBelowApp = noClasses().that().resideOutsideOfPackage("org.iceising.app..")
            .and().doNotHaveFullyQualifiedName("org.iceising.Launcher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..");

    @ArchTest
    static final ArchRule deepLearningOnlyInLearn = noClasses().that().resideOutsideOfPackage("org.iceising.learn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..");

    @ArchTest
    static final ArchRule appNeverUsesCli = noClasses().that().resideInAPackage("org.iceising.app..")
            .should().dependOnClassesThat().resideInAPackage("org.iceising.cli..");

    @ArchTest
    static final ArchRule cliNeverUsesApp = noClasses().that().resideInAPackage("org.iceising.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.iceising.app..");
}

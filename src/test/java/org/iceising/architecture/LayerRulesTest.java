package org.iceising.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

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

    /** Background work in the workbench goes through its job model: only org.iceising.app.task makes threads or executors. */
    @ArchTest
    static final ArchRule onlyTheJobPackageMakesThreads = noClasses().that().resideInAPackage("org.iceising.app..")
            .and().resideOutsideOfPackage("org.iceising.app.task..")
            .should().callConstructorWhere(JavaConstructorCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.assignableTo(Thread.class).or(JavaClass.Predicates.assignableTo(Executor.class))
                            .or(JavaClass.Predicates.assignableTo(Timer.class)))))
            .orShould().callMethodWhere(JavaMethodCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.equivalentTo(Executors.class).or(JavaClass.Predicates.equivalentTo(CompletableFuture.class)))))
            .orShould().dependOnClassesThat().belongToAnyOf(javafx.concurrent.Task.class, javafx.concurrent.Service.class,
                    ForkJoinPool.class, ThreadFactory.class)
            .because("one job model runs the workbench's background work: progress, cancel and one line on failure");

    @ArchTest
    static final ArchRule cliNeverUsesApp = noClasses().that().resideInAPackage("org.iceising.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.iceising.app..");
}

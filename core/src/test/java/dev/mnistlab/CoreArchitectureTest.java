package dev.mnistlab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.awt.Image;

/**
 * The house rules for core, checked on its compiled classes: engine-free, no pictures drawn for
 * people, nothing that reaches into the modules built on it, and packages without cycles.
 */
@AnalyzeClasses(packages = "dev.mnistlab", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    /** Engines live in backend modules, found through the Backend service. */
    @ArchTest
    static final ArchRule coreIsEngineFree = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ai.djl.pytorch..", "ai.djl.mxnet..", "ai.djl.tensorflow..", "ai.djl.onnxruntime..")
            .because("core compiles against DJL's API alone; engines are backend modules");

    /** compare, pictures, the command line, serving and Spark are leaves over core. */
    @ArchTest
    static final ArchRule coreNeverReachesIntoLeaves = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.mnistlab.compare..",
                    "dev.mnistlab.pictures..",
                    "dev.mnistlab.cli..",
                    "dev.mnistlab.serve..",
                    "dev.mnistlab.spark..",
                    "dev.mnistlab.examples..",
                    "picocli..")
            .because("modules built on core depend on it, never the other way round");

    /**
     * Core reads and resamples input pictures (java.awt.image, javax.imageio, and java.awt.color to
     * tell a grey picture from one in colour) but draws nothing for people: no chart library, no
     * Swing, no fonts, colours or strokes.
     */
    @ArchTest
    static final ArchRule coreDrawsNoPictures = noClasses()
            .should()
            .dependOnClassesThat(resideInAnyPackage("org.jfree..", "javax.swing..")
                    .or(resideInAPackage("java.awt..")
                            .and(not(resideInAnyPackage("java.awt.image..", "java.awt.color..")))
                            .and(not(belongToAnyOf(Image.class)))))
            .because("pictures for people are drawn in mnistlab-pictures");

    /** One concept per package, and the packages form a hierarchy. */
    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("dev.mnistlab.(*)..").should().beFreeOfCycles();
}

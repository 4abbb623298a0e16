package dev.mnistlab.serve;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service is a leaf over core: no engine package, no other leaf, no command line. */
@AnalyzeClasses(packages = "dev.mnistlab.serve", importOptions = ImportOption.DoNotIncludeTests.class)
class ServeArchitectureTest {

    @ArchTest
    static final ArchRule serveIsEngineFree = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ai.djl.pytorch..", "ai.djl.mxnet..")
            .because("the service runs on whichever backend core finds on the class path");

    @ArchTest
    static final ArchRule serveReachesNoOtherLeaf = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.mnistlab.cli..",
                    "dev.mnistlab.compare..",
                    "dev.mnistlab.pictures..",
                    "dev.mnistlab.spark..",
                    "picocli..")
            .because("leaves depend on core only");
}

package dev.mnistlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void coreAloneHasNoBackendAndSaysWhatToAdd() {
        assertTrue(Backends.available().isEmpty());
        InvalidInputException known = assertThrows(InvalidInputException.class, () -> Backends.get("mxnet"));
        assertEquals(InputField.ENGINE, known.field().orElseThrow());
        assertEquals(
                "engine 'mxnet' is not on the class path; add the Maven artifact"
                        + " dev.mnistlab:mnistlab-backend-mxnet (no engine is on the class path)",
                known.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> Backends.get("onnx"));
        assertEquals(
                "engine 'onnx' is unknown: no engine is on the class path; add"
                        + " dev.mnistlab:mnistlab-backend-mxnet or dev.mnistlab:mnistlab-backend-pytorch",
                unknown.getMessage());
    }
}

package dev.mnistlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void coreAloneHasNoBackendAndSaysWhatToAdd() {
        assertTrue(Backends.available().isEmpty());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Backends.get("pytorch"));
        assertEquals("unknown engine 'pytorch': none is on the class path; add mnistlab-backend-pytorch"
                + " or mnistlab-backend-mxnet", e.getMessage());
    }
}

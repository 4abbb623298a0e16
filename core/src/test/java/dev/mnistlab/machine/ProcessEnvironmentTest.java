package dev.mnistlab.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

    @Test
    void aVariableIsSetOnceUnlessReplacedAndNativeCodeSeesIt() {
        String name = "MNISTLAB_TEST_" + ProcessHandle.current().pid();
        assertNull(ProcessEnvironment.value(name));
        assertEquals("unset", ProcessEnvironment.describe(name));
        assertTrue(ProcessEnvironment.setIfAbsent(name, "first"));
        assertFalse(ProcessEnvironment.setIfAbsent(name, "second"));
        assertEquals("first", ProcessEnvironment.value(name));
        ProcessEnvironment.set(name, "third");
        assertEquals(name + "=third", ProcessEnvironment.describe(name));
    }
}

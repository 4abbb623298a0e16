package dev.mnistlab.backend.pytorch;

import dev.mnistlab.backend.BackendContractTest;

class PyTorchContractTest extends BackendContractTest {
    @Override
    protected String backendName() {
        return "pytorch";
    }

    @Override
    protected boolean gathersParametersInOneBuffer() {
        return true;
    }
}

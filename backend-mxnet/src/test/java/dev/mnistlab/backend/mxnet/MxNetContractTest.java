package dev.mnistlab.backend.mxnet;

import dev.mnistlab.backend.BackendContractTest;

class MxNetContractTest extends BackendContractTest {
    @Override
    protected String backendName() {
        return "mxnet";
    }

    @Override
    protected boolean gathersParametersInOneBuffer() {
        return false;
    }
}

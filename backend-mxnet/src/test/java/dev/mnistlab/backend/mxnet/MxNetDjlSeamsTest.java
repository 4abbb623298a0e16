package dev.mnistlab.backend.mxnet;

import dev.mnistlab.backend.DjlSeamsContractTest;

class MxNetDjlSeamsTest extends DjlSeamsContractTest {
    @Override
    protected String backendName() {
        return "mxnet";
    }
}

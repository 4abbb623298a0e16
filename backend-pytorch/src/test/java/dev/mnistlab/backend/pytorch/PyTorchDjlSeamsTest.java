package dev.mnistlab.backend.pytorch;

import dev.mnistlab.backend.DjlSeamsContractTest;

class PyTorchDjlSeamsTest extends DjlSeamsContractTest {
    @Override
    protected String backendName() {
        return "pytorch";
    }
}

package dev.mnistlab.backend.pytorch;

import dev.mnistlab.train.TrainingControlsContract;

class PyTorchTrainingControlsTest extends TrainingControlsContract {
    @Override
    protected String backendName() {
        return "pytorch";
    }
}

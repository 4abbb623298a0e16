package dev.mnistlab.backend.pytorch;

import dev.mnistlab.train.TrainingAccuracyContract;

class PyTorchTrainingIT extends TrainingAccuracyContract {
    @Override
    protected String backendName() {
        return "pytorch";
    }
}

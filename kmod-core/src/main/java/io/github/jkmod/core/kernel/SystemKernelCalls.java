package io.github.jkmod.core.kernel;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.internal.jna.JnaKernelCalls;
import java.nio.file.Path;

/**
 * {@link KernelCalls#system()}: forwards to the JNA implementation, created on the first call only
 * (the holder idiom keeps every JNA class unloaded until then).
 */
final class SystemKernelCalls implements KernelCalls {
    static final SystemKernelCalls INSTANCE = new SystemKernelCalls();

    private SystemKernelCalls() {
    }

    @Override
    public void finitModule(String module, Path file, String params, int flags) throws KmodException {
        Holder.get().finitModule(module, file, params, flags);
    }

    @Override
    public void initModule(String module, byte[] image, String params) throws KmodException {
        Holder.get().initModule(module, image, params);
    }

    @Override
    public void deleteModule(String module, int flags) throws KmodException {
        Holder.get().deleteModule(module, flags);
    }

    @Override
    public String toString() {
        return "KernelCalls.system()";
    }

    /** Creates the implementation once; remembers a failure and reports it on every call. */
    private static final class Holder {
        private static final KernelCalls CALLS;
        private static final KmodException FAILURE;

        static {
            KernelCalls calls = null;
            KmodException failure = null;
            try {
                calls = JnaKernelCalls.create();
            } catch (KmodException e) {
                failure = e;
            }
            CALLS = calls;
            FAILURE = failure;
        }

        static KernelCalls get() throws KmodException {
            if (FAILURE != null) {
                throw new KmodException(FAILURE.getMessage(), FAILURE);
            }
            return CALLS;
        }
    }
}

/**
 * Which engine a page asks for: the GPU when it can have one (auto), the GPU
 * or nothing, or the CPU reference. Engine selection reads it; the
 * attribute reader and the elements pass it on.
 */
export type EnginePreference = 'auto' | 'gpu' | 'cpu';
export const ENGINE_PREFERENCES: readonly EnginePreference[] = ['auto', 'gpu', 'cpu'];
/** What a page asks for when nothing (or nothing valid) says otherwise. */
export const DEFAULT_ENGINE: EnginePreference = 'auto';

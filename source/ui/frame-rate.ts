/** Most redraws a second that stream data causes (--fps): the store publishes at most this often. */
export const DEFAULT_FPS = 20;
/**
 * Ink's own frame cap. Data frames are already paced by the store, so Ink's
 * throttle only delays frames a key press asks for: keep its window short.
 */
export const KEY_FRAME_FPS = 60;

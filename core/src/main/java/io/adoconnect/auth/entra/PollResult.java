package io.adoconnect.auth.entra;

/**
 * The outcome of one poll: the state, the session to keep polling with (its interval may have
 * grown), and the tokens once {@link DeviceFlowState#AUTHORIZED}.
 */
public record PollResult(DeviceFlowState state, DeviceFlowSession session, TokenSet tokens) {}

package io.adoconnect.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The door every request passes (the API, the page and {@code /mcp}): it counts the requests under
 * way, and once the instance drains it turns new ones away with 503 {@code draining} and {@code
 * Connection: close} before they touch anything, so a balancer may send them to another instance
 * (nothing was done, so a retry is safe). {@link #awaitIdle} is the bounded wait for those under
 * way to finish.
 *
 * <p>A streaming request (an MCP event stream) counts only until its servlet returns: it is not
 * waited for.
 */
final class RequestGate implements Filter {
  private static final byte[] DRAINING =
      ("{\"code\":\"draining\",\"message\":\"The service is stopping and takes no new requests.\","
              + "\"hint\":\"Send the request again; another instance will answer it.\","
              + "\"action\":null}")
          .getBytes(StandardCharsets.UTF_8);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int inFlight;
  private boolean draining;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!enter()) {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(503);
      http.setHeader("Connection", "close");
      http.setHeader("Retry-After", "1");
      http.setHeader("Cache-Control", "no-store");
      http.setContentType("application/json");
      http.getOutputStream().write(DRAINING);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      leave();
    }
  }

  private boolean enter() {
    lock.lock();
    try {
      if (draining) {
        return false;
      }
      inFlight++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void leave() {
    lock.lock();
    try {
      if (--inFlight == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** From now on new requests are turned away. */
  void drain() {
    lock.lock();
    try {
      draining = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code wait} for the requests under way to finish.
   *
   * @return how many are still under way (0 when all finished)
   */
  int awaitIdle(Duration wait) {
    long nanos = wait.toNanos();
    lock.lock();
    try {
      while (inFlight > 0 && nanos > 0) {
        nanos = idle.awaitNanos(nanos);
      }
      return inFlight;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  /** For messages: how many requests are under way now. */
  int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }
}

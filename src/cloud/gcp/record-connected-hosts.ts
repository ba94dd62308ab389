import { Socket } from 'node:net';

/** The hosts sockets were asked to connect to, while recording. */
export interface ConnectedHostsRecorder {
  readonly hosts: readonly string[];
  /** Puts `Socket.prototype.connect` back. */
  restore(): void;
}

type Connect = (this: Socket, ...args: unknown[]) => Socket;

/**
 * Records the host of every TCP connection this process opens (`http`, `https`, `fetch` and the
 * client libraries all end in `Socket.prototype.connect`), so tests can prove that nothing left
 * loopback: no metadata-server probe, no token endpoint, no real Google API. For tests only.
 */
export function recordConnectedHosts(): ConnectedHostsRecorder {
  const hosts: string[] = [];
  const original = Reflect.get(Socket.prototype, 'connect') as Connect;
  const recording: Connect = function recording(this: Socket, ...args: unknown[]): Socket {
    const first = args[0];
    const options: unknown = Array.isArray(first) ? first[0] : first;
    if (typeof options === 'object' && options !== null) {
      const { host, path } = options as { host?: unknown; path?: unknown };
      if (typeof path !== 'string') hosts.push(typeof host === 'string' ? host : 'localhost');
    } else if (typeof options === 'number' || typeof options === 'string') {
      hosts.push(typeof args[1] === 'string' ? args[1] : 'localhost');
    }
    return original.apply(this, args);
  };
  Reflect.set(Socket.prototype, 'connect', recording);
  return {
    hosts,
    restore: () => {
      Reflect.set(Socket.prototype, 'connect', original);
    },
  };
}

/**
 * The service worker of a static build (runs in the browser; built by buildServiceWorker.ts).
 * Workbox precaches every file of the site that the manifest lists (`self.__WB_MANIFEST`, filled
 * in by workbox-build's injectManifest), so after the first load the app works offline; every
 * navigation inside the site's scope (a reload, a deep link, offline too) gets the cached page,
 * whose renderer then shows that route. A new build takes over at once and drops old caches.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

interface ServiceWorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "activate", listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void;
}

declare const self: ServiceWorkerScope;

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html")));
void self.skipWaiting();
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

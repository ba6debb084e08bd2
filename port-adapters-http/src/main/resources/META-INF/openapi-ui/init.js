// Swagger UI on this node's own document (no inline script, no CDN).
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"
});

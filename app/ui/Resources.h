#pragma once

namespace sw::app {
/// Registers the application's resources (icons). sw_app is a static library, so its resources
/// must be initialised explicitly; safe to call more than once.
void ensureResources();
} // namespace sw::app

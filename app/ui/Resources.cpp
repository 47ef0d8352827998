#include "ui/Resources.h"

#include <QtGlobal>

static void initStreamwrightResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace sw::app {
void ensureResources()
{
    static const bool done = [] {
        initStreamwrightResources();
        return true;
    }();
    (void)done;
}
} // namespace sw::app

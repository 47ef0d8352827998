// streamwright: the designer. Everything but main() lives in sw_app (tests link it).
#include "Application.h"

int main(int argc, char** argv)
{
    return sw::app::runApplication(argc, argv);
}

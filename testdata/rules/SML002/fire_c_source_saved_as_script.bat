#include <windows.h>
#include "resource.h"

int main(int argc, char **argv)
{
    if (argc > 1) goto done;
    MessageBox(NULL, "hello", "x", MB_OK);
done:
    return 0;
}

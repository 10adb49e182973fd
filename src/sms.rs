//! SMS vocabulary: client programs, RAS-check programs, logon-script detection.

#pragma once

namespace passerelle {

/** The pack database schema this kiosk reads; PRAGMA user_version of a pack. */
inline constexpr int kPackSchemaVersion = 4;

/** The statements that create an empty pack database of kPackSchemaVersion. */
const char *packSchemaSql();

} // namespace passerelle

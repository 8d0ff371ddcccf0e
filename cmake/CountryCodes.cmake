# Country codes generated at build time, never typed by hand: ISO 3166 from Debian's iso-codes
# and the trade sources' own codes from import/data/trade_area_codes.json (see its README).
# Each function sets a variable holding C++ initializer entries for a configure_file template.
set(CULTURETRADE_ISO_CODES_DIR "/usr/share/iso-codes/json" CACHE PATH
    "Directory holding iso_3166-1.json, iso_3166-3.json and iso_4217.json")
set(CT_TRADE_AREA_CODES ${PROJECT_SOURCE_DIR}/import/data/trade_area_codes.json)

# The array `key` of the JSON file `path`, and its last index, for the caller's loop.
function(ct_json_array path key out_entries out_last)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${path})
  file(READ ${path} text)
  string(JSON entries GET "${text}" ${key})
  string(JSON count LENGTH "${entries}")
  math(EXPR last "${count} - 1")
  set(${out_entries} "${entries}" PARENT_SCOPE)
  set(${out_last} ${last} PARENT_SCOPE)
endfunction()

# `field` of entry `i`, or "" when the entry has none.
function(ct_json_field entries i field out_var)
  string(JSON value ERROR_VARIABLE missing GET "${entries}" ${i} ${field})
  if(missing)
    set(value "")
  endif()
  string(REPLACE "\"" "\\\"" value "${value}")
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# Appends `"ABC", ` for each alpha_3 of the array `key` of the JSON file `path` to `out_var`.
function(ct_alpha3_codes path key out_var)
  ct_json_array(${path} ${key} entries last)
  set(codes "${${out_var}}")
  foreach(i RANGE ${last})
    ct_json_field("${entries}" ${i} alpha_3 code)
    string(APPEND codes "\"${code}\", ")
  endforeach()
  set(${out_var} "${codes}" PARENT_SCOPE)
endfunction()

# `{4, "AFG", ""}, ` for each ISO 3166-1 numeric code, then `{490, "S19", "Other Asia, nes"}, `
# for each code of the trade sources (alpha-3 empty where the area is no single economy).
function(ct_numeric_codes out_var)
  ct_json_array(${CULTURETRADE_ISO_CODES_DIR}/iso_3166-1.json 3166-1 entries last)
  set(codes "")
  foreach(i RANGE ${last})
    ct_json_field("${entries}" ${i} numeric number)
    ct_json_field("${entries}" ${i} alpha_3 code)
    math(EXPR number "${number}")  # drops the leading zeros, which C++ reads as octal
    string(APPEND codes "{${number}, \"${code}\", \"\"}, ")
  endforeach()
  ct_json_array(${CT_TRADE_AREA_CODES} areas entries last)
  foreach(i RANGE ${last})
    ct_json_field("${entries}" ${i} code number)
    ct_json_field("${entries}" ${i} alpha_3 code)
    ct_json_field("${entries}" ${i} name name)
    ct_json_field("${entries}" ${i} source source)
    string(APPEND codes "{${number}, \"${code}\", \"${source}'s ${name}\"}, ")
  endforeach()
  set(${out_var} "${codes}" PARENT_SCOPE)
endfunction()

# `{"KOR", "South Korea"}, ` for each ISO 3166-1 code (its common name where it has one), each
# former code of ISO 3166-3 and each code of the trade sources beyond ISO.
function(ct_economy_names out_var)
  set(names "")
  foreach(spec "iso_3166-1.json;3166-1" "iso_3166-3.json;3166-3")
    list(GET spec 0 file)
    list(GET spec 1 key)
    ct_json_array(${CULTURETRADE_ISO_CODES_DIR}/${file} ${key} entries last)
    foreach(i RANGE ${last})
      ct_json_field("${entries}" ${i} alpha_3 code)
      ct_json_field("${entries}" ${i} common_name name)
      if(name STREQUAL "")
        ct_json_field("${entries}" ${i} name name)
      endif()
      string(APPEND names "{\"${code}\", \"${name}\"}, ")
    endforeach()
  endforeach()
  ct_json_array(${CT_TRADE_AREA_CODES} economies entries last)
  foreach(i RANGE ${last})
    ct_json_field("${entries}" ${i} alpha_3 code)
    ct_json_field("${entries}" ${i} name name)
    string(APPEND names "{\"${code}\", \"${name}\"}, ")
  endforeach()
  set(${out_var} "${names}" PARENT_SCOPE)
endfunction()

/**
 * Which glyph draws an icon name: the font face and the ligature to type in it.
 *
 * Material: Flet's `Icons` are Flutter's, which are Google's Material Icons fonts, so the name's
 * style suffix picks the face (`home` filled, `home_outlined`, `home_rounded`, `home_sharp`) and
 * the rest is the font's ligature. Flutter renamed a few icons for Dart (names cannot start with a
 * digit, `class` is reserved, `copy`/`cut`/`paste` alias `content_*`): those are undone here.
 * test/e2e/look.spec.ts checks that every one of Flet's 8,825 names draws one glyph.
 *
 * Cupertino: Flutter's CupertinoIcons font is not on npm. Framework7 Icons (MIT) draw iOS-style
 * icons under the same SF-Symbols-derived names as CupertinoIcons 1.0 (`heart_fill`,
 * `chevron_left`…), 1,204 of Flet's 1,322; the older names map to their 1.0 twins as
 * Flutter's docs list them ("This is the same icon as …"), and the few with no twin to the
 * nearest Framework7 or Material glyph.
 */
export type IconFamily = "filled" | "outlined" | "round" | "sharp" | "cupertino";

export interface IconFace {
  family: IconFamily;
  ligature: string;
}

const STYLES: Readonly<Record<string, IconFamily>> = { outlined: "outlined", rounded: "round", sharp: "sharp" };

/** Flutter's Dart-safe spellings → the font's ligatures (besides the spelled-out numbers). */
const MATERIAL_RENAMES: Readonly<Record<string, string>> = {
  class_: "class",
  copy: "content_copy",
  cut: "content_cut",
  paste: "content_paste",
  threesixty: "360",
  onetwothree: "123",
  threed_rotation: "3d_rotation",
  door_back_door: "door_back",
  door_front_door: "door_front",
  try_sms_star: "try",
};

const NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, sixty: 60,
};

/**
 * Flutter spells out leading numbers: `ten_k` is `10k`, `twenty_four_mp` is `24mp`,
 * `eighteen_up_rating` is `18_up_rating`, `one_x_mobiledata` is `1x_mobiledata`. Names that only
 * start with a number word (`two_wheeler`, `one_k_plus`… is a number) are told apart by what
 * follows: a unit (k, mp, g, p, x, fps) joins the digits, `up`/`ft` follow an underscore.
 */
function spelledNumber(name: string): string {
  const parts = name.split("_");
  let n = NUMBERS[parts[0]!];
  let i = 1;
  if (n === undefined) return name;
  if (n >= 20 && NUMBERS[parts[1] ?? ""] !== undefined && NUMBERS[parts[1]!]! < 10) n += NUMBERS[parts[i++]!]!;
  const rest = parts.slice(i).join("_");
  if (/^(k|mp|g|p|x|fps)(_|$)/.test(rest)) return `${n}${rest}`;
  if (/^(up|ft)_/.test(rest)) return `${n}_${rest}`;
  return name;
}

/** CupertinoIcons' pre-1.0 names → their 1.0 twin in Framework7's names ("m:" = a Material glyph). */
const CUPERTINO_RENAMES: Readonly<Record<string, string>> = {
  add: "plus", add_circled: "plus_circle", add_circled_solid: "plus_circle_fill", back: "chevron_left",
  battery_25_percent: "battery_25", battery_75_percent: "battery_100", battery_charging: "battery_100",
  battery_empty: "battery_0", battery_full: "battery_100", bell_solid: "bell_fill", bluetooth: "m:bluetooth",
  book_solid: "book_fill", bookmark_solid: "bookmark_fill", brightness: "sun_max", brightness_solid: "sun_max_fill",
  bus: "m:directions_bus", car: "car_fill", car_detailed: "car_fill", check_mark: "checkmark",
  check_mark_circled: "checkmark_circle", check_mark_circled_solid: "checkmark_circle_fill",
  chevron_back: "chevron_left", chevron_forward: "chevron_right", circle_filled: "circle_fill",
  clear: "xmark", clear_circled: "xmark_circle", clear_circled_solid: "xmark_circle_fill", clear_thick: "xmark",
  clear_thick_circled: "xmark_circle_fill", clock_solid: "clock_fill", collections: "rectangle_stack",
  collections_solid: "rectangle_stack_fill", color_filter: "camera_filters", color_filter_fill: "camera_filters",
  conversation_bubble: "chat_bubble", create: "square_pencil", create_solid: "square_pencil_fill",
  delete: "trash", delete_simple: "trash", delete_solid: "trash_fill", double_music_note: "music_note_2",
  down_arrow: "arrow_down", eye_solid: "eye_fill", folder_open: "folder", folder_solid: "folder_fill",
  forward: "chevron_right", fullscreen: "arrow_up_left_arrow_down_right", fullscreen_exit: "arrow_down_right_arrow_up_left",
  game_controller: "gamecontroller", game_controller_solid: "gamecontroller_fill", gear: "gear_alt",
  gear_big: "gear_alt", gear_solid: "gear_alt_fill", group: "person_3", group_solid: "person_3_fill",
  heart_solid: "heart_fill", home: "house", info: "info_circle", lab_flask: "m:science", lab_flask_solid: "m:science",
  left_chevron: "chevron_left", location_solid: "placemark_fill", loop: "infinite", loop_thick: "infinite",
  mail: "envelope", mail_solid: "envelope_fill", mic_off: "mic_slash_fill", mic_solid: "mic_fill",
  minus_circled: "minus_circle", news: "m:newspaper", news_solid: "m:newspaper", padlock: "lock",
  padlock_solid: "lock_fill", pause_solid: "pause_fill", paw_solid: "paw", pen: "pencil",
  person_add: "person_badge_plus", person_add_solid: "person_badge_plus_fill", person_solid: "person_fill",
  phone_solid: "phone_fill", photo_camera: "camera", photo_camera_solid: "camera_fill", play_arrow: "play",
  play_arrow_solid: "play_fill", plus_circled: "plus_circle", profile_circled: "person_crop_circle",
  refresh: "arrow_clockwise", refresh_bold: "arrow_counterclockwise", refresh_circled: "arrow_clockwise_circle",
  refresh_circled_solid: "arrow_clockwise_circle_fill", refresh_thick: "arrow_clockwise", refresh_thin: "arrow_clockwise",
  reply: "arrowshape_turn_up_left", reply_all: "arrowshape_turn_up_left_2", reply_thick_solid: "arrowshape_turn_up_left_2_fill",
  restart: "arrow_counterclockwise", return_icon: "return", right_chevron: "chevron_right", settings: "gear",
  settings_solid: "gear_alt_fill", share: "square_arrow_up", share_solid: "square_arrow_up_fill", share_up: "square_arrow_up",
  shopping_cart: "cart", shuffle_medium: "shuffle", shuffle_thick: "shuffle", switch_camera: "camera_rotate",
  switch_camera_solid: "camera_rotate_fill", tag_solid: "tag_fill", tags: "tag", tags_solid: "tag_fill",
  time: "clock", time_solid: "clock_fill", train_style_one: "m:train", train_style_two: "m:train", up_arrow: "arrow_up",
  video_camera: "videocam", video_camera_solid: "videocam_fill", volume_down: "speaker_1_fill",
  volume_mute: "speaker_fill", volume_off: "speaker_slash_fill", volume_up: "speaker_3_fill",
};

/**
 * The face and ligature for an icon prop: an `Icons.*` or `CupertinoIcons.*` value, or a
 * Material name in any of weft's spellings (`"Icons.ADD"`, `"add"`, `"delete-outlined"`).
 */
export function iconFace(name: string): IconFace | undefined {
  const key = name.trim().toLowerCase().replace(/-/g, "_");
  if (key === "") return undefined;
  const cupertino = /^(?:cupertino\.|cupertinoicons\.)(.+)$/.exec(key);
  if (cupertino) {
    const renamed = Object.hasOwn(CUPERTINO_RENAMES, cupertino[1]!) ? CUPERTINO_RENAMES[cupertino[1]!]! : cupertino[1]!;
    return renamed.startsWith("m:") ? { family: "filled", ligature: renamed.slice(2) } : { family: "cupertino", ligature: renamed };
  }
  const bare = key.replace(/^icons\./, "");
  const style = /^(.+)_(outlined|rounded|sharp)$/.exec(bare);
  const base = style ? style[1]! : bare;
  const family = style ? STYLES[style[2]!]! : "filled";
  const ligature = Object.hasOwn(MATERIAL_RENAMES, base) ? MATERIAL_RENAMES[base]! : spelledNumber(base);
  // The filled face lacks face_unlock (Flutter draws it from its own copy); the rounded one has it.
  if (family === "filled" && ligature === "face_unlock") return { family: "round", ligature };
  return { family, ligature };
}

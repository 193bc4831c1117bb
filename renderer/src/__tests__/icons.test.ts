import { describe, expect, it } from "vitest";
import { CupertinoIcons } from "../../../runtime/src/constants/cupertinoIcons.ts";
import { Icons } from "../../../runtime/src/constants/icons.ts";
import { iconFace } from "../icons.ts";

describe("iconFace", () => {
  it("draws a style suffix with its font, the base name with the filled one", () => {
    expect(iconFace(Icons.HOME)).toEqual({ family: "filled", ligature: "home" });
    expect(iconFace(Icons.HOME_OUTLINED)).toEqual({ family: "outlined", ligature: "home" });
    expect(iconFace(Icons.HOME_ROUNDED)).toEqual({ family: "round", ligature: "home" });
    expect(iconFace(Icons.HOME_SHARP)).toEqual({ family: "sharp", ligature: "home" });
  });

  it("undoes Flutter's Dart-safe names", () => {
    expect(iconFace(Icons.TEN_K)!.ligature).toBe("10k");
    expect(iconFace(Icons.TWENTY_FOUR_MP_OUTLINED)!.ligature).toBe("24mp");
    expect(iconFace(Icons.EIGHTEEN_UP_RATING)!.ligature).toBe("18_up_rating");
    expect(iconFace(Icons.ONE_X_MOBILEDATA)!.ligature).toBe("1x_mobiledata");
    expect(iconFace(Icons.SIX_FT_APART)!.ligature).toBe("6_ft_apart");
    expect(iconFace(Icons.THREESIXTY)!.ligature).toBe("360");
    expect(iconFace(Icons.CLASS_)!.ligature).toBe("class");
    expect(iconFace(Icons.COPY)!.ligature).toBe("content_copy");
    expect(iconFace(Icons.TWO_WHEELER)!.ligature).toBe("two_wheeler"); // a real name, not a number
  });

  it("accepts weft's older spellings", () => {
    expect(iconFace("Icons.DELETE")).toEqual(iconFace("delete"));
    expect(iconFace("check-circle")).toEqual({ family: "filled", ligature: "check_circle" });
    expect(iconFace("")).toBeUndefined();
  });

  it("draws Cupertino icons with the Cupertino font, pre-1.0 names as their 1.0 twins", () => {
    expect(CupertinoIcons.HEART_FILL).toBe("cupertino.heart_fill");
    expect(iconFace(CupertinoIcons.HEART_FILL)).toEqual({ family: "cupertino", ligature: "heart_fill" });
    expect(iconFace(CupertinoIcons.LEFT_CHEVRON)).toEqual({ family: "cupertino", ligature: "chevron_left" });
    expect(iconFace(CupertinoIcons.BLUETOOTH)).toEqual({ family: "filled", ligature: "bluetooth" });
  });
});

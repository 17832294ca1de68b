;; The CPU engine's pass over large data for the tutorial's features
;; (φ(x) = x1, x2): the sums of sumSamples (regression.ts) in WebAssembly
;; SIMD, two samples a lane pair. tutorial-sums.ts loads it; every sum is
;; held to sumSamples' in tutorial-sums.test.ts.
;;
;; Why by hand: the JavaScript loop's time is Math.exp and Math.log1p, each a
;; call to C per sample. Here both are polynomials on two samples at once, in
;; double precision, within a few ulp of the library functions:
;;   e^x, x ≤ 0:  x = k·ln2 + r with |r| ≤ ln2/2 (ln2 in two parts, Cody and
;;                Waite), e^r by its Taylor polynomial of degree 13 (the
;;                first term left out is below 1e-17 of e^r), times 2^k
;;                built in the exponent bits. x is held at −708 and up, where
;;                2^k stays a normal number: e^−708 ≈ 3e−308 stands for
;;                anything smaller, which no sum can tell apart.
;;   log(1 + e), 0 < e ≤ 1: fdlibm's log, whose f and s are taken from e
;;                itself (never from a rounded 1 + e, so a tiny e keeps every
;;                bit): f = e, or (e − 1)/2 and ln 2 more above √2 − 1;
;;                s = f/(2 + f), and its polynomial Lg1…Lg7 in s².
;; The two divisions a sample needs, 1/(1 + e) for σ and 1/(2 + f) for s,
;; are one: the reciprocal of their product, times each other's factor.
;;
;; Memory (the page's, imported): the points as sumSamples reads them,
;; (x1, x2) interleaved in float64 from `points`; the labels as bytes from
;; `targets`, with 8 readable bytes after the last (a pair's labels are read
;; 8 at a time); and 112 bytes at `out` for the results. n must be even: the
;; caller sums an odd sample out.
;;
;; Results at `out`, seven pairs of float64, one a lane (even samples, odd
;; samples), added by the caller: Σ ξ, Σ x1(y − t), Σ x2(y − t), Σ (y − t),
;; the count of z ≥ cut, of z ≥ cut with t = 1, and of t = 1.
;; A NaN or infinite z gives what sumSamples gives: z ≥ cut is false for NaN,
;; f64x2.max passes NaN on as Math.max does.
(module
  (import "env" "memory" (memory 1))
  (func (export "sums")
    (param $points i32) (param $targets i32) (param $n i32)
    (param $w1 f64) (param $w2 f64) (param $b f64) (param $cut f64) (param $out i32)
    (local $i i32) (local $at i32)
    (local $W1 v128) (local $W2 v128) (local $B v128) (local $CUT v128)
    (local $ZERO v128) (local $ONE v128) (local $SHIFTER v128) (local $LN2_HI v128) (local $LN2_LO v128)
    (local $pair0 v128) (local $pair1 v128) (local $x1 v128) (local $x2 v128) (local $t v128)
    (local $z v128) (local $x v128) (local $kShifted v128) (local $k v128) (local $r v128) (local $p v128)
    (local $e v128) (local $onePlusE v128) (local $above v128) (local $f v128) (local $twoPlusF v128)
    (local $reciprocal v128) (local $s v128) (local $s2 v128) (local $halfF2 v128) (local $log1pE v128)
    (local $residual v128) (local $counted v128)
    (local $cost v128) (local $g1 v128) (local $g2 v128) (local $gb v128)
    (local $positive v128) (local $truePositive v128) (local $ones v128)
    (local.set $W1 (f64x2.splat (local.get $w1)))
    (local.set $W2 (f64x2.splat (local.get $w2)))
    (local.set $B (f64x2.splat (local.get $b)))
    (local.set $CUT (f64x2.splat (local.get $cut)))
    (local.set $ZERO (f64x2.splat (f64.const 0)))
    (local.set $ONE (f64x2.splat (f64.const 1)))
    ;; 1.5·2⁵²: added to x/ln2, it rounds to an integer k and leaves k in the low bits.
    (local.set $SHIFTER (f64x2.splat (f64.const 6755399441055744.0)))
    ;; ln 2 = LN2_HI + LN2_LO; LN2_HI has 32 trailing zero bits, so k·LN2_HI is exact.
    (local.set $LN2_HI (f64x2.splat (f64.const 6.93147180369123816490e-01)))
    (local.set $LN2_LO (f64x2.splat (f64.const 1.90821492927058770002e-10)))
    (local.set $at (local.get $points))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; Samples i and i + 1: their x1s into one vector, their x2s into another, their labels as 0.0 or 1.0.
        (local.set $pair0 (v128.load (local.get $at)))
        (local.set $pair1 (v128.load offset=16 (local.get $at)))
        (local.set $x1 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $pair0) (local.get $pair1)))
        (local.set $x2 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $pair0) (local.get $pair1)))
        (local.set $t (f64x2.convert_low_i32x4_u (i32x4.extend_low_i16x8_u
          (v128.load8x8_u (i32.add (local.get $targets) (local.get $i))))))
        ;; z = 0 + x1·w1 + x2·w2 + b, added in logitOfFeatures' order.
        (local.set $z (f64x2.add
          (f64x2.add
            (f64x2.add (local.get $ZERO) (f64x2.mul (local.get $x1) (local.get $W1)))
            (f64x2.mul (local.get $x2) (local.get $W2)))
          (local.get $B)))

        ;; e = e^x, x = −|z| held at −708 and up.
        (local.set $x (f64x2.max (f64x2.neg (f64x2.abs (local.get $z))) (f64x2.splat (f64.const -708))))
        (local.set $kShifted (f64x2.add
          (f64x2.mul (local.get $x) (f64x2.splat (f64.const 1.4426950408889634)))
          (local.get $SHIFTER)))
        (local.set $k (f64x2.sub (local.get $kShifted) (local.get $SHIFTER)))
        (local.set $r (f64x2.sub
          (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (local.get $LN2_HI)))
          (f64x2.mul (local.get $k) (local.get $LN2_LO))))
        ;; Σ r^j / j!, j = 0 … 13, by Horner.
        (local.set $p (f64x2.splat (f64.const 1.6059043836821613e-10)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.08767569878681e-09))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.505210838544172e-08))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.755731922398589e-07))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.7557319223985893e-06))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.48015873015873e-05))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 1.984126984126984e-04))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 1.388888888888889e-03))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 8.333333333333333e-03))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 4.1666666666666664e-02))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 0.16666666666666666))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 0.5))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (local.get $ONE)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (local.get $ONE)))
        ;; 2^k: (k + 1023) in the exponent field. The shifted sum's bits end in k; shifted up 52, only k is left.
        (local.set $e (f64x2.mul (local.get $p)
          (i64x2.add (i64x2.shl (local.get $kShifted) (i32.const 52)) (i64x2.splat (i64.const 0x3ff0000000000000)))))

        ;; log(1 + e): f and s, with one reciprocal for s and for σ.
        (local.set $onePlusE (f64x2.add (local.get $ONE) (local.get $e)))
        (local.set $above (f64x2.gt (local.get $e) (f64x2.splat (f64.const 0.41421356237309503))))
        (local.set $f (v128.bitselect
          (f64x2.mul (f64x2.sub (local.get $e) (local.get $ONE)) (f64x2.splat (f64.const 0.5)))
          (local.get $e)
          (local.get $above)))
        (local.set $twoPlusF (f64x2.add (local.get $f) (f64x2.splat (f64.const 2))))
        (local.set $reciprocal (f64x2.div (local.get $ONE) (f64x2.mul (local.get $onePlusE) (local.get $twoPlusF))))
        (local.set $s (f64x2.mul (f64x2.mul (local.get $f) (local.get $onePlusE)) (local.get $reciprocal)))
        (local.set $s2 (f64x2.mul (local.get $s) (local.get $s)))
        ;; R = s²(Lg1 + s²(Lg2 + … + s²·Lg7)), in $p.
        (local.set $p (f64x2.splat (f64.const 1.479819860511658591e-01)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $s2)) (f64x2.splat (f64.const 1.531383769920937332e-01))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $s2)) (f64x2.splat (f64.const 1.818357216161805012e-01))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $s2)) (f64x2.splat (f64.const 2.222219843214978396e-01))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $s2)) (f64x2.splat (f64.const 2.857142874366239149e-01))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $s2)) (f64x2.splat (f64.const 3.999999999940941908e-01))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $s2)) (f64x2.splat (f64.const 6.666666666666735130e-01))))
        (local.set $p (f64x2.mul (local.get $p) (local.get $s2)))
        ;; log(1 + f) = f − (f²/2 − s(f²/2 + R)), plus ln 2 (its low part inside) where f was halved.
        (local.set $halfF2 (f64x2.mul (f64x2.mul (local.get $f) (local.get $f)) (f64x2.splat (f64.const 0.5))))
        (local.set $log1pE (f64x2.add
          (f64x2.sub (local.get $f) (f64x2.sub (local.get $halfF2)
            (f64x2.add
              (f64x2.mul (local.get $s) (f64x2.add (local.get $halfF2) (local.get $p)))
              (v128.and (local.get $above) (local.get $LN2_LO)))))
          (v128.and (local.get $above) (local.get $LN2_HI))))

        ;; y − t, with σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, as logisticOfExp.
        (local.set $residual (f64x2.sub
          (f64x2.mul
            (v128.bitselect (local.get $ONE) (local.get $e) (f64x2.ge (local.get $z) (local.get $ZERO)))
            (f64x2.mul (local.get $twoPlusF) (local.get $reciprocal)))
          (local.get $t)))
        (local.set $g1 (f64x2.add (local.get $g1) (f64x2.mul (local.get $x1) (local.get $residual))))
        (local.set $g2 (f64x2.add (local.get $g2) (f64x2.mul (local.get $x2) (local.get $residual))))
        (local.set $gb (f64x2.add (local.get $gb) (local.get $residual)))
        ;; ξ = max(z, 0) − t·z + log(1 + e), as crossEntropyOfExp.
        (local.set $cost (f64x2.add (local.get $cost)
          (f64x2.add
            (f64x2.sub (f64x2.max (local.get $z) (local.get $ZERO)) (f64x2.mul (local.get $t) (local.get $z)))
            (local.get $log1pE))))
        ;; The confusion counts, as float64 (exact to 2⁵³): 1.0 where z ≥ cut (the mask's bits ANDed with 1.0's).
        (local.set $counted (v128.and (f64x2.ge (local.get $z) (local.get $CUT)) (local.get $ONE)))
        (local.set $positive (f64x2.add (local.get $positive) (local.get $counted)))
        (local.set $truePositive (f64x2.add (local.get $truePositive) (f64x2.mul (local.get $counted) (local.get $t))))
        (local.set $ones (f64x2.add (local.get $ones) (local.get $t)))

        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (br $pairs)))
    (v128.store offset=0 (local.get $out) (local.get $cost))
    (v128.store offset=16 (local.get $out) (local.get $g1))
    (v128.store offset=32 (local.get $out) (local.get $g2))
    (v128.store offset=48 (local.get $out) (local.get $gb))
    (v128.store offset=64 (local.get $out) (local.get $positive))
    (v128.store offset=80 (local.get $out) (local.get $truePositive))
    (v128.store offset=96 (local.get $out) (local.get $ones))))

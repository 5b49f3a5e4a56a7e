# Time by phase — latency
# Written by dedupbench report. Regenerate from this directory: gnuplot latency-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'latency-phases.svg'
set title 'Time by phase — latency'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'median time (s)'
set xtics ('bronze_append / 0 ms' 0, 'bronze_append / 50 ms' 1, 'delta_merge / 0 ms' 2, 'delta_merge / 50 ms' 3, 'eager_dedup / 0 ms' 4, 'eager_dedup / 50 ms' 5, 'polars_merge / 0 ms' 6, 'polars_merge / 50 ms' 7) rotate by -30
set label 'bronze_append / 0 · total time (s): 715 ms [95% CI 713 ms–741 ms]' at -0.35, 0.7148924770008307 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · total time (s): 6.71 s [95% CI 6.69 s–6.72 s]' at 0.65, 6.712689701998897 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · total time (s): 821 ms [95% CI 820 ms–869 ms]' at 1.65, 0.8205381199986732 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · total time (s): 21.9 s [95% CI 21.9 s–21.9 s]' at 2.65, 21.936288795997825 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · total time (s): 695 ms [95% CI 683 ms–700 ms]' at 3.65, 0.6953737169969827 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · total time (s): 6.8 s [95% CI 6.8 s–6.81 s]' at 4.65, 6.802605423999921 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · total time (s): 846 ms [95% CI 809 ms–858 ms]' at 5.65, 0.8457854750013212 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · total time (s): 18.4 s [95% CI 18.3 s–18.4 s]' at 6.65, 18.367016821001016 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · wall time (s): 396 ms [95% CI 388 ms–401 ms]' at -0.21, 0.3955651710020902 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · wall time (s): 5.54 s [95% CI 5.52 s–5.55 s]' at 0.79, 5.535294433000672 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · wall time (s): 508 ms [95% CI 505 ms–549 ms]' at 1.79, 0.5079835840006126 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · wall time (s): 17.7 s [95% CI 17.7 s–17.7 s]' at 2.79, 17.702915186997416 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · wall time (s): 402 ms [95% CI 397 ms–405 ms]' at 3.79, 0.4021709139997256 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · wall time (s): 5.65 s [95% CI 5.65 s–5.65 s]' at 4.79, 5.651062452998303 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · wall time (s): 522 ms [95% CI 490 ms–531 ms]' at 5.79, 0.5224171689987998 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · wall time (s): 14.1 s [95% CI 14.1 s–14.2 s]' at 6.79, 14.143611855997733 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · generation time (s): 18.2 ms [95% CI 16.9 ms–21.2 ms]' at -0.07, 0.018239344000903657 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · generation time (s): 18.3 ms [95% CI 15.6 ms–18.9 ms]' at 0.93, 0.018324961005419027 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · generation time (s): 16.5 ms [95% CI 14.7 ms–19.1 ms]' at 1.93, 0.01645478499631281 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · generation time (s): 17.2 ms [95% CI 16.9 ms–17.6 ms]' at 2.93, 0.017207220000273082 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · generation time (s): 16.5 ms [95% CI 15.4 ms–17.6 ms]' at 3.93, 0.016511235997313634 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · generation time (s): 16.9 ms [95% CI 16.8 ms–17 ms]' at 4.93, 0.016910282985918457 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · generation time (s): 17.1 ms [95% CI 15.8 ms–17.7 ms]' at 5.93, 0.017091319994506193 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · generation time (s): 16.6 ms [95% CI 14 ms–19.2 ms]' at 6.93, 0.016584479009907227 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · hashing time (s): 38.3 ms [95% CI 37.1 ms–52.2 ms]' at 0.07, 0.038286657003482105 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · hashing time (s): 29.9 ms [95% CI 24.9 ms–33.6 ms]' at 1.07, 0.029934644993772963 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · hashing time (s): 31.2 ms [95% CI 29 ms–34.9 ms]' at 2.07, 0.031206937012029812 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · hashing time (s): 32.4 ms [95% CI 31.9 ms–32.9 ms]' at 3.07, 0.032380719007051084 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · hashing time (s): 37.3 ms [95% CI 35.5 ms–40.4 ms]' at 4.07, 0.03730272599204909 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · hashing time (s): 34.6 ms [95% CI 34 ms–36.6 ms]' at 5.07, 0.03460781000103452 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · hashing time (s): 33.6 ms [95% CI 32.7 ms–37.9 ms]' at 6.07, 0.03363247000379488 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · hashing time (s): 38 ms [95% CI 28.7 ms–42.6 ms]' at 7.07, 0.038001639004505705 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.21, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · dedup time (s): 120 ms [95% CI 113 ms–122 ms]' at 2.21, 0.12002117600422935 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · dedup time (s): 7.01 s [95% CI 7 s–7.01 s]' at 3.21, 7.008046794999245 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · dedup time (s): 38.2 ms [95% CI 36 ms–41.7 ms]' at 4.21, 0.03820389199609053 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · dedup time (s): 40.3 ms [95% CI 39.4 ms–47 ms]' at 5.21, 0.04031880599723081 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · dedup time (s): 27.2 ms [95% CI 25.8 ms–27.7 ms]' at 6.21, 0.027175010996870697 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · dedup time (s): 26.7 ms [95% CI 22.7 ms–27.5 ms]' at 7.21, 0.02671700200153282 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · write time (s): 370 ms [95% CI 369 ms–381 ms]' at 0.35, 0.3696969709963014 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · write time (s): 5.41 s [95% CI 5.4 s–5.41 s]' at 1.35, 5.411128905001533 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · write time (s): 374 ms [95% CI 373 ms–400 ms]' at 2.35, 0.37411336800141726 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · write time (s): 10.6 s [95% CI 10.6 s–10.6 s]' at 3.35, 10.571067789001972 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · write time (s): 343 ms [95% CI 343 ms–343 ms]' at 4.35, 0.3434181400007219 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · write time (s): 5.38 s [95% CI 5.38 s–5.38 s]' at 5.35, 5.3803758210051456 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · write time (s): 472 ms [95% CI 431 ms–479 ms]' at 6.35, 0.4720947120040364 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · write time (s): 13.9 s [95% CI 13.8 s–13.9 s]' at 7.35, 13.865858614997705 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.1288
set yrange [0:25]
set ytics ('0 s' 0, '5 s' 5, '10 s' 10, '15 s' 15, '20 s' 20, '25 s' 25)
plot 'latency-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#aa3377' title 'total time', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 1 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 2 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#4477aa' title 'generation time', \
     '' index 2 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 3 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ccbb44' title 'hashing time', \
     '' index 3 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 4 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ee6677' title 'dedup time', \
     '' index 4 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 5 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#228833' title 'write time', \
     '' index 5 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'latency-phases.png'
replot
unset output

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
set ylabel 'seconds (median)'
set xtics ('bronze_append / 0' 0, 'bronze_append / 50' 1, 'delta_merge / 0' 2, 'delta_merge / 50' 3, 'eager_dedup / 0' 4, 'eager_dedup / 50' 5, 'polars_merge / 0' 6, 'polars_merge / 50' 7) rotate by -30
set label 'bronze_append / 0 · wall time (s): 571 ms [95% CI 475 ms–1.11 s]' at -0.336, 0.5711153279999053 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · wall time (s): 5.36 s [95% CI 5.35 s–5.73 s]' at 0.664, 5.360719510999843 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · wall time (s): 2.09 s [95% CI 1.27 s–2.18 s]' at 1.664, 2.0922238330003893 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · wall time (s): 17.9 s [95% CI 17.8 s–17.9 s]' at 2.664, 17.894677731999764 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · wall time (s): 1.31 s [95% CI 1.25 s–1.38 s]' at 3.664, 1.307976688999588 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · wall time (s): 5.29 s [95% CI 5.2 s–5.86 s]' at 4.664, 5.2930362280003465 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · wall time (s): 1.88 s [95% CI 1.32 s–2.09 s]' at 5.664, 1.875346701000126 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · wall time (s): 14.2 s [95% CI 14.1 s–15.3 s]' at 6.664, 14.19310754000071 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · generation time (s): 42.7 ms [95% CI 31.3 ms–44.7 ms]' at -0.168, 0.04270248899986785 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · generation time (s): 82.2 ms [95% CI 53.3 ms–106 ms]' at 0.832, 0.08216527400029427 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · generation time (s): 44.4 ms [95% CI 31.7 ms–46.1 ms]' at 1.832, 0.044393792999575556 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · generation time (s): 55 ms [95% CI 30.2 ms–84.5 ms]' at 2.832, 0.055030350000443554 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · generation time (s): 131 ms [95% CI 22.1 ms–173 ms]' at 3.832, 0.1312080559999732 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · generation time (s): 52.8 ms [95% CI 45.2 ms–73.7 ms]' at 4.832, 0.052772584000176946 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · generation time (s): 66.8 ms [95% CI 23.6 ms–74.2 ms]' at 5.832, 0.06675484299961731 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · generation time (s): 55.6 ms [95% CI 45.3 ms–68.9 ms]' at 6.832, 0.05562349099942774 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · hashing time (s): 92.5 ms [95% CI 73.4 ms–112 ms]' at 0, 0.09251617500012799 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · hashing time (s): 29.5 ms [95% CI 26.4 ms–46.2 ms]' at 1, 0.02950848199907341 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · hashing time (s): 53.9 ms [95% CI 48.5 ms–97.2 ms]' at 2, 0.05393173700031184 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · hashing time (s): 25.8 ms [95% CI 23.1 ms–59.6 ms]' at 3, 0.02581741499943746 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · hashing time (s): 66.2 ms [95% CI 35.3 ms–84.6 ms]' at 4, 0.06621651099976589 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · hashing time (s): 65.5 ms [95% CI 31.1 ms–215 ms]' at 5, 0.0655171340013112 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · hashing time (s): 39.9 ms [95% CI 35.3 ms–54.1 ms]' at 6, 0.03987003100155562 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · hashing time (s): 56.5 ms [95% CI 41.8 ms–58.9 ms]' at 7, 0.056454374998793355 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · dedup time (s): 262 ms [95% CI 228 ms–274 ms]' at 2.168, 0.26204915399921447 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · dedup time (s): 7.1 s [95% CI 7.08 s–7.21 s]' at 3.168, 7.098403215000872 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · dedup time (s): 71.2 ms [95% CI 51.7 ms–81.2 ms]' at 4.168, 0.07115687500117929 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · dedup time (s): 60.2 ms [95% CI 46.5 ms–396 ms]' at 5.168, 0.06015176699838776 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · dedup time (s): 27.2 ms [95% CI 26.3 ms–35 ms]' at 6.168, 0.027154546004567237 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · dedup time (s): 21.4 ms [95% CI 17.5 ms–33.8 ms]' at 7.168, 0.02142529300181195 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0 · write time (s): 554 ms [95% CI 447 ms–1.06 s]' at 0.336, 0.5535192079996705 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 50 · write time (s): 5.2 s [95% CI 5.19 s–5.59 s]' at 1.336, 5.195798563997414 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0 · write time (s): 1.79 s [95% CI 1.02 s–1.83 s]' at 2.336, 1.788979867999842 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 50 · write time (s): 10.6 s [95% CI 10.6 s–10.7 s]' at 3.336, 10.588001925999379 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0 · write time (s): 1.1 s [95% CI 1.07 s–1.16 s]' at 4.336, 1.1040581700017356 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 50 · write time (s): 4.95 s [95% CI 4.88 s–5.16 s]' at 5.336, 4.947577930000989 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0 · write time (s): 1.7 s [95% CI 1.23 s–1.92 s]' at 6.336, 1.6989896270006284 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 50 · write time (s): 13.9 s [95% CI 13.8 s–14.9 s]' at 7.336, 13.886395511002775 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.15456
set yrange [0:20]
set ytics ('0 s' 0, '5 s' 5, '10 s' 10, '15 s' 15, '20 s' 20)
plot 'latency-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 1 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#4477aa' title 'generation time', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 2 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ccbb44' title 'hashing time', \
     '' index 2 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 3 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ee6677' title 'dedup time', \
     '' index 3 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 4 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#228833' title 'write time', \
     '' index 4 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'latency-phases.png'
replot
unset output
